package app.ombud.platform.security;

import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.Paging;
import app.ombud.platform.Role;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class ApiClientController {

    private final ApiClientService clients;
    private final Paging paging;

    ApiClientController(ApiClientService clients, Paging paging) {
        this.clients = clients;
        this.paging = paging;
    }

    record CreateApiClientInput(String clientId, String name, List<Role> roles) {
    }

    record UpdateApiClientInput(String clientId, String name, List<Role> roles, Long expectedVersion) {
    }

    record CreatePublicApiClientInput(String clientId, String name, List<String> redirectUris) {
    }

    record UpdatePublicApiClientInput(String clientId, String name, List<String> redirectUris,
            Long expectedVersion) {
    }

    record SetApiClientEnabledInput(String clientId, boolean enabled, Long expectedVersion) {
    }

    record RotateApiClientSecretInput(String clientId, Long expectedVersion) {
    }

    record ClientPayload(ApiClient client) {
    }

    @QueryMapping
    Window<ApiClient> apiClients(ScrollSubrange subrange) {
        return clients.page(paging.position(subrange), paging.size(subrange));
    }

    @QueryMapping
    ApiClient apiClient(@Argument String clientId) {
        return clients.get(clientId);
    }

    @MutationMapping
    ApiClientService.IssuedSecret createApiClient(@Argument CreateApiClientInput input,
            @ContextValue(name = IdempotencyKey.CONTEXT, required = false) String idempotencyKey) {
        return clients.create(input.clientId(), input.name(), Set.copyOf(input.roles()),
                IdempotencyKey.fromHeader(idempotencyKey));
    }

    @MutationMapping
    ClientPayload updateApiClient(@Argument UpdateApiClientInput input) {
        return new ClientPayload(clients.update(input.clientId(), input.name(), Set.copyOf(input.roles()),
                input.expectedVersion()));
    }

    @MutationMapping
    ClientPayload createPublicApiClient(@Argument CreatePublicApiClientInput input,
            @ContextValue(name = IdempotencyKey.CONTEXT, required = false) String idempotencyKey) {
        return new ClientPayload(clients.createPublic(input.clientId(), input.name(), input.redirectUris(),
                IdempotencyKey.fromHeader(idempotencyKey)));
    }

    @MutationMapping
    ClientPayload updatePublicApiClient(@Argument UpdatePublicApiClientInput input) {
        return new ClientPayload(clients.updatePublic(input.clientId(), input.name(), input.redirectUris(),
                input.expectedVersion()));
    }

    @MutationMapping
    ClientPayload setApiClientEnabled(@Argument SetApiClientEnabledInput input) {
        return new ClientPayload(clients.setEnabled(input.clientId(), input.enabled(), input.expectedVersion()));
    }

    @MutationMapping
    ApiClientService.IssuedSecret rotateApiClientSecret(@Argument RotateApiClientSecretInput input) {
        return clients.rotateSecret(input.clientId(), input.expectedVersion());
    }
}
