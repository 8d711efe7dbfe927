package app.ombud.platform.security;

import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.PersonalAccessTokens.IssuedToken;
import app.ombud.platform.PersonalAccessTokens.PersonalAccessToken;
import app.ombud.platform.PersonalAccessTokens;
import app.ombud.platform.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class PersonalAccessTokenController {

    private final PersonalAccessTokens tokens;

    PersonalAccessTokenController(PersonalAccessTokens tokens) {
        this.tokens = tokens;
    }

    record CreatePersonalAccessTokenInput(String name, Instant expiresAt, List<Role> roles) {
    }

    record RevokePersonalAccessTokenInput(UUID id) {
    }

    record TokenPayload(PersonalAccessToken token) {
    }

    @QueryMapping
    List<PersonalAccessToken> myAccessTokens() {
        return tokens.mine();
    }

    @MutationMapping
    IssuedToken createPersonalAccessToken(@Argument CreatePersonalAccessTokenInput input,
            @ContextValue(name = IdempotencyKey.CONTEXT, required = false) String idempotencyKey) {
        return tokens.create(input.name(), input.expiresAt(), input.roles() == null ? Set.of()
                : Set.copyOf(input.roles()), IdempotencyKey.fromHeader(idempotencyKey));
    }

    @MutationMapping
    TokenPayload revokePersonalAccessToken(@Argument RevokePersonalAccessTokenInput input) {
        return new TokenPayload(tokens.revoke(input.id()));
    }
}
