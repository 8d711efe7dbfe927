package app.ombud.panel.internal;

import app.ombud.platform.SecretGraphQlFields;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A ballot request is logged as "castPanelBallot", whatever the client named its operation. */
@Component
class PanelSecretFields implements SecretGraphQlFields {

    @Override
    public Set<String> fields() {
        return Set.of("castPanelBallot");
    }
}
