package app.ombud.calltest.internal;

import app.ombud.calltest.CallChannel;
import app.ombud.calltest.CallFacts;
import app.ombud.calltest.KnowledgeResult;
import app.ombud.calltest.ScenarioType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;

/**
 * A recorded test call as the statistics read it: when, the agent, team, department, scenario type
 * and channel it belongs to, the facts the measures come from (with the final score) and the
 * problems noted; its number, scenario and knowledge points checked, for the training needs
 * derived from the results. Read from the stored document's few fields directly ({@link #of}): mapping whole
 * {@link TestCallDocument}s cost most of the time of the figures over many calls.
 */
public record RecordedCall(UUID id, Instant calledAt, String agentEmployeeId, UUID teamId, UUID departmentId,
        ScenarioType scenarioType, CallChannel channel, CallFacts facts, List<String> problems, String number,
        UUID scenarioId, List<KnowledgeResult> knowledge) {

    /** The fields {@link #of} reads, for the query's projection. */
    static final String[] FIELDS = {"_id", "number", "calledAt", "agentEmployeeId", "teamId", "followUp",
        "finalScore", "facts.scenario.scenarioId", "facts.departmentId", "facts.scenarioType", "facts.channel",
        "facts.ringsBeforeAnswer",
        "facts.firstReplyMinutes", "facts.solvedOnSpot", "facts.knowledge", "facts.communication", "facts.problems"};

    static RecordedCall of(Document document) {
        Document facts = document.get("facts", Document.class);
        Document followUp = document.get("followUp", Document.class);
        Document communication = facts.get("communication", Document.class);
        Document scenario = facts.get("scenario", Document.class);
        List<?> knowledge = facts.getList("knowledge", Object.class, List.of());
        int wrong = (int) knowledge.stream().filter(k -> !Boolean.TRUE.equals(((Document) k).get("correct"))).count();
        Number rings = (Number) facts.get("ringsBeforeAnswer");
        Number rating = communication == null ? null : (Number) communication.get("rating");
        var measured = new CallFacts(rings == null ? null : rings.intValue(), decimal(facts.get("firstReplyMinutes")),
                facts.getBoolean("solvedOnSpot"), followUp == null ? null : instant(followUp.get("promisedDue")),
                followUp == null ? null : instant(followUp.get("deliveredAt")),
                rating == null ? null : rating.intValue(), knowledge.size(), wrong,
                decimal(document.get("finalScore")));
        String type = facts.getString("scenarioType");
        String channel = facts.getString("channel");
        return new RecordedCall(uuid(document.get("_id")), instant(document.get("calledAt")),
                document.getString("agentEmployeeId"), uuid(document.get("teamId")), uuid(facts.get("departmentId")),
                type == null ? null : ScenarioType.valueOf(type), channel == null ? null : CallChannel.valueOf(channel),
                measured, facts.getList("problems", String.class, List.of()), document.getString("number"),
                scenario == null ? null : uuid(scenario.get("scenarioId")), knowledge.stream().map(k -> (Document) k)
                        .map(k -> new KnowledgeResult(k.getString("code"), Boolean.TRUE.equals(k.get("correct"))))
                        .toList());
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Date date ? date.toInstant() : (Instant) value;
    }

    private static BigDecimal decimal(Object value) {
        return switch (value) {
            case null -> null;
            case Decimal128 d -> d.bigDecimalValue();
            case BigDecimal d -> d;
            case Number n -> new BigDecimal(n.toString());
            default -> new BigDecimal(value.toString());
        };
    }

    /** A UUID as the driver hands it: decoded, or binary in the standard (4) or the Java legacy (3) layout. */
    private static UUID uuid(Object value) {
        return switch (value) {
            case null -> null;
            case UUID id -> id;
            case Binary binary when binary.getType() == 4 -> {
                var bytes = ByteBuffer.wrap(binary.getData());
                yield new UUID(bytes.getLong(), bytes.getLong());
            }
            case Binary binary -> {
                var bytes = ByteBuffer.wrap(binary.getData()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                yield new UUID(bytes.getLong(), bytes.getLong());
            }
            default -> UUID.fromString(value.toString());
        };
    }
}
