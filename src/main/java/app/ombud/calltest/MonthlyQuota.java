package app.ombud.calltest;

import java.util.UUID;

/** How many test calls a team gets on a channel in one month of the plan ({@code month}: 2027-01). */
public record MonthlyQuota(String month, UUID teamId, CallChannel channel, int count) {
}
