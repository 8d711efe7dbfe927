package app.ombud.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * On a service method that changes something: every role of the call center may call it — all
 * but BI_READER, which only reads — and Ombud itself (scheduled jobs); the per-object checks
 * inside decide further (the case's handler, the task force, the panel's members, ...). Use it
 * where the work can fall to anyone in the directory; name narrower roles where it cannot.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyRole('ADMIN','AGENT','TEAM_LEAD','REVIEWER','WHITELIST_OWNER','DEPT_HEAD','SUPERIOR',"
        + "'LEADERSHIP','SITE_MANAGER','CALLTEST_STAFF') or principal == 'system'")
public @interface StaffOnly {
}
