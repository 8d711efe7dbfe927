package app.ombud.escalation;

import java.time.Instant;
import java.util.List;

/** A tracking meeting of the task force with its minutes. */
public record Meeting(Instant at, List<String> attendees, String minutes, String recordedBy) {

    public Meeting {
        attendees = List.copyOf(attendees);
    }
}
