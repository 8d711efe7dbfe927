package app.ombud.platform;

import java.util.Set;

/**
 * GraphQL fields whose requests the request log names by the field alone: the operation name is
 * the client's choice and could carry what must stay secret (a ballot's choice). Modules declare
 * a bean of this type for their secret fields.
 */
public interface SecretGraphQlFields {

    Set<String> fields();
}
