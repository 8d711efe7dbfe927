package app.ombud.calltest;

import java.time.Instant;
import java.util.List;

/** A line of a plan's timeline: {@code action} and {@code args} are codes, {@code note} is what a person wrote. */
public record PlanEntry(Instant at, String actor, String action, PlanStatus from, PlanStatus to, String note,
        List<String> args) {
}
