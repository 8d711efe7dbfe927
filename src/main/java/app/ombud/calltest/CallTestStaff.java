package app.ombud.calltest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * On every read and change of the programme: only CALLTEST_STAFF and ADMIN (and Ombud itself),
 * since scenarios, scripts, plans, draws and slots are confidential — an agent never learns what
 * or when they will be tested (SPEC §4). Everyone else is refused, BI readers too.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyRole('CALLTEST_STAFF','ADMIN') or principal == 'system'")
@interface CallTestStaff {
}
