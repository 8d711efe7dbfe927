package app.ombud.calltest;

import java.util.UUID;

/**
 * A plan's progress for one month and stratum: the quota due, the slots drawn (not cancelled),
 * those done, and the spot checks added (and done).
 */
public record QuotaProgress(String month, UUID teamId, CallChannel channel, int due, int drawn, int done,
        int spotChecks, int spotChecksDone) {
}
