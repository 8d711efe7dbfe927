package app.ombud.panel;

/** A seat on a panel: who may vote and which side named them. Seats are public; ballots are not linked to them. */
public record Seat(String employeeId, PanelSide side) {
}
