package app.ombud.platform.mongo;

import java.util.List;
import java.util.Map;

/**
 * The requests of the scale benchmark: what the portal's lists and detail page ask for, as
 * GraphQL documents with their variables. Each has variants (other ids, other filters), which
 * both sides of the comparison go through in turn.
 *
 * @param name the row of the table
 * @param collection the store collection whose {@code find} is the page (what the driver replays)
 * @param document the GraphQL document, with a {@code $first} variable where it has pages
 * @param variants the variables of each variant (without {@code first})
 */
record ScaleRequests(String name, String collection, String document, List<Map<String, Object>> variants) {

    private static final String CASE_ROW = """
            id number subject status urgent receivedAt category channel grade { level }
            customer { name phone } deadlines { resolutionDue }
            assignment { department { name } team { name } owner { name } }""";

    static final String LIST = "query($first: Int) { cases(first: $first) { edges { cursor node { " + CASE_ROW
            + " } } pageInfo { hasNextPage endCursor } } }";

    static final String ARCHIVE = "query($first: Int, $filter: CaseFilter) { cases(first: $first, filter: $filter) {"
            + " edges { cursor node { " + CASE_ROW + " archivedAt } } pageInfo { hasNextPage endCursor } } }";

    static final String DETAIL = """
            query($id: UUID!) { case(id: $id) { id number channel subject description category flags
              compensationAsked urgent receivedAt intakeBy intakePerson { name team { name } } status
              grade { level suggestedLevel matchedCriteria } assignment { department { name } team { name }
              owner { name } handler } deadlines { acknowledgeDue resolutionDue warnedAt breachedAt }
              customer { name phone } acknowledgedAt repeatCount reworkCount notes { at by kind text }
              plan { due description ownerEmployeeId } feedback { sentAt result accepted satisfaction }
              validity { valid reason } closedAt archivedAt timeline { at actor actorName action from to note args }
              version allowedSteps } }""";

    static final String REVIEWS = "query($first: Int) { reviews(queue: ALL, first: $first) { edges { cursor node {"
            + " id number status submittedAt checkDue assignee submitterTeam { name } } }"
            + " pageInfo { hasNextPage endCursor } } }";

    static final String ESCALATIONS = "query($first: Int) { escalations(first: $first) { edges { cursor node {"
            + " id number caseNumber status trigger raisedAt reviewDue toDepartment { name } } }"
            + " pageInfo { hasNextPage endCursor } } }";

    /** Whether the request has pages (a {@code first} argument). */
    boolean paged() {
        return document.contains("$first");
    }

    /** The variables of variant {@code i} (cycling), with the page size when paged. */
    Map<String, Object> variables(int i, int first) {
        Map<String, Object> variables = new java.util.HashMap<>(variants.get(Math.floorMod(i, variants.size())));
        if (paged()) {
            variables.put("first", first);
        }
        return variables;
    }
}
