package app.ombud.policy;

/** What the policy module's tests arrange, in one place. */
public final class PolicyFixture {

    private PolicyFixture() {
    }

    /** An iCalendar file of one year: its events, each "yyyyMMdd yyyyMMdd(exclusive) title". */
    public static String ics(String calendarName, String... events) {
        var text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//holidays//ZH\r\n");
        if (calendarName != null) {
            text.append("X-WR-CALNAME:").append(calendarName).append("\r\n");
        }
        int i = 0;
        for (String event : events) {
            String[] parts = event.split(" ", 3);
            text.append("BEGIN:VEVENT\r\nUID:").append(i++).append("@test\r\nDTSTAMP:20320101T000000Z\r\n")
                    .append("DTSTART;VALUE=DATE:").append(parts[0]).append("\r\nDTEND;VALUE=DATE:").append(parts[1])
                    .append("\r\nSUMMARY:").append(parts[2]).append("\r\nEND:VEVENT\r\n");
        }
        return text.append("END:VCALENDAR\r\n").toString();
    }
}
