package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.ombud.support.ApiAccess;
import app.ombud.support.MutationWalk;
import app.ombud.support.OmbudIntegrationTest;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * BI_READER only reads: every field of the schema's {@code Mutation} type — enumerated from the
 * schema, so a mutation added later is walked too — is refused with FORBIDDEN for a BI_READER
 * token, with plausible arguments and with invalid ones of the right type: the refusal comes
 * before any validation or lookup, so a caller without the role learns nothing about the rules.
 */
@OmbudIntegrationTest
class BiReaderMutationsTest {

    @Autowired
    ApiAccess api;

    @Autowired
    GraphQlSource graphQl;

    @ParameterizedTest(name = "invalid arguments: {0}")
    @ValueSource(booleans = {false, true})
    void everyMutationRefusesABiReader(boolean invalid) {
        var calls = MutationWalk.calls(graphQl.schema(), invalid);
        assertThat(calls).hasSizeGreaterThan(60);
        String token = api.token(Role.BI_READER);

        List<String> notRefused = calls.stream()
                .map(call -> MutationWalk.refusal(call, MutationWalk.post(api, token, call), "FORBIDDEN"))
                .filter(Objects::nonNull).toList();

        assertThat(notRefused).as("mutations a BI_READER was not refused with FORBIDDEN").isEmpty();
    }
}
