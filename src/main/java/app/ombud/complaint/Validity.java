package app.ombud.complaint;

import java.time.Instant;

/**
 * Whether the complaint is valid — the company broke its own service norms (SPEC §1.4) — with
 * the reason, who decided and when.
 */
public record Validity(boolean valid, String reason, String decidedBy, Instant decidedAt) {
}
