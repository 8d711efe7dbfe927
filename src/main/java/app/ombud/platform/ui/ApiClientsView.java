package app.ombud.platform.ui;

import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.OmbudSecurityProperties;
import app.ombud.platform.Role;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.security.ApiClient;
import app.ombud.platform.security.ApiClientService;
import app.ombud.platform.security.ApiClientType;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Admins register API clients for BI tools and scripts, change their name and roles, switch
 * them off, and re-key them. A secret is shown exactly once, right after it is made. A public
 * client (a script or tool a person signs in with) has no secret and no roles, only the redirect
 * URIs the sign-in may return to.
 */
@Route("admin/api-clients")
@Menu(title = "nav.apiClients", order = 90, icon = "vaadin:key")
@RolesAllowed("ADMIN")
public class ApiClientsView extends VerticalLayout implements HasDynamicTitle {

    private final ApiClientService clients;
    private final OmbudSecurityProperties security;
    private final Grid<ApiClient> grid = new Grid<>();

    public ApiClientsView(ApiClientService clients, OmbudSecurityProperties security) {
        this.clients = clients;
        this.security = security;
        addClassName("ombud-view");
        setSizeFull();

        var create = new Button(getTranslation("apiclients.new"), VaadinIcon.PLUS.create(), click -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-client");
        var toolbar = new HorizontalLayout(create);
        toolbar.addClassName("ombud-toolbar");

        grid.setId("api-clients");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ApiClient::clientId).setHeader(getTranslation("apiclients.clientId")).setKey("clientId")
                .setAutoWidth(true);
        grid.addColumn(ApiClient::name).setHeader(getTranslation("apiclients.name")).setKey("name").setAutoWidth(true);
        grid.addColumn(client -> getTranslation("apiclients.type." + client.type()))
                .setHeader(getTranslation("apiclients.type")).setKey("type").setAutoWidth(true);
        grid.addColumn(client -> client.type() == ApiClientType.PUBLIC ? getTranslation("apiclients.roles.person")
                : roleLabels(client.roles())).setHeader(getTranslation("apiclients.roles"))
                .setKey("roles").setAutoWidth(true);
        grid.addColumn(client -> getTranslation(client.enabled() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("apiclients.enabled")).setKey("enabled").setAutoWidth(true);
        grid.addColumn(client -> GridPaging.time(client.createdAt())).setHeader(getTranslation("apiclients.created"))
                .setKey("created").setAutoWidth(true);
        grid.addColumn(client -> client.lastUsedAt() == null ? getTranslation("apiclients.never")
                : GridPaging.time(client.lastUsedAt())).setHeader(getTranslation("apiclients.lastUsed"))
                .setKey("lastUsed").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("common.actions")).setKey("actions")
                .setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setItems(query -> clients.page(GridPaging.startingAt(query.getOffset()), query.getLimit()).stream(),
                query -> (int) clients.count());
        grid.setSizeFull();

        add(toolbar, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("apiclients.title");
    }

    private HorizontalLayout actions(ApiClient client) {
        boolean isPublic = client.type() == ApiClientType.PUBLIC;
        var edit = new Button(getTranslation("common.edit"), click -> openEdit(client));
        var toggle = new Button(getTranslation(client.enabled() ? "apiclients.disable" : "apiclients.enable"),
                click -> confirmToggle(client));
        var rotate = new Button(getTranslation("apiclients.rotate"), click -> confirmRotate(client));
        for (var button : new Button[] {edit, toggle, rotate}) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        edit.setId("edit-" + client.clientId());
        toggle.setId("toggle-" + client.clientId());
        rotate.setId("rotate-" + client.clientId());
        rotate.setVisible(!isPublic);
        var box = new HorizontalLayout(edit, toggle, rotate);
        box.setSpacing(false);
        return box;
    }

    private String roleLabels(Set<Role> roles) {
        return roles.stream().sorted().map(role -> getTranslation(role.labelKey())).collect(Collectors.joining("、"));
    }

    private MultiSelectComboBox<Role> rolePicker() {
        var roles = new MultiSelectComboBox<Role>(getTranslation("apiclients.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(role -> getTranslation(role.labelKey()));
        roles.setRequiredIndicatorVisible(true);
        roles.setId("client-roles");
        return roles;
    }

    private void openCreate() {
        var dialog = new Dialog(getTranslation("apiclients.create.title"));
        var clientId = new TextField(getTranslation("apiclients.clientId"));
        clientId.setId("client-id");
        clientId.setMaxLength(Kind.CODE.maxLength());
        clientId.setRequiredIndicatorVisible(true);
        clientId.setHelperText(getTranslation("apiclients.clientId.help"));
        var name = new TextField(getTranslation("apiclients.name"));
        name.setId("client-name");
        name.setMaxLength(Kind.LINE.maxLength());
        var type = new RadioButtonGroup<ApiClientType>(getTranslation("apiclients.type"));
        type.setId("client-type");
        type.setItems(ApiClientType.values());
        type.setItemLabelGenerator(t -> getTranslation("apiclients.type." + t + ".long"));
        type.setValue(ApiClientType.CONFIDENTIAL);
        var roles = rolePicker();
        roles.setValue(EnumSet.of(Role.BI_READER));
        var redirects = redirectUris();
        redirects.setVisible(false);
        type.addValueChangeListener(change -> {
            roles.setVisible(change.getValue() == ApiClientType.CONFIDENTIAL);
            redirects.setVisible(change.getValue() == ApiClientType.PUBLIC);
        });
        var form = new FormLayout(clientId, name, type, roles, redirects);
        dialog.add(form);
        var errors = new FieldErrors().on("clientId", clientId).on("name", name).on("roles", roles)
                .on("redirectUris", redirects);
        // one key per opening of the dialog: however often it is sent, one client is created
        var submission = IdempotencyKey.random();
        var save = SubmitButton.of(getTranslation("common.create"), "create-save", () -> {
            errors.clear();
            try {
                if (type.getValue() == ApiClientType.PUBLIC) {
                    var created = clients.createPublic(clientId.getValue(), name.getValue(), lines(redirects),
                            submission);
                    dialog.close();
                    grid.getDataProvider().refreshAll();
                    showSignIn(created);
                } else {
                    var issued = clients.create(clientId.getValue(), name.getValue(), roles.getValue(), submission);
                    dialog.close();
                    grid.getDataProvider().refreshAll();
                    if (issued.secret() != null) {
                        showSecret(issued);
                    }
                }
            } catch (OmbudException e) {
                errors.show(e);
            }
        });
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        add(dialog);
        dialog.open();
        clientId.focus();
    }

    /** A confidential client's name and roles, or a public client's name and redirect URIs. */
    private void openEdit(ApiClient client) {
        boolean isPublic = client.type() == ApiClientType.PUBLIC;
        var dialog = new Dialog(getTranslation("apiclients.edit.title", client.clientId()));
        var name = new TextField(getTranslation("apiclients.name"));
        name.setId("client-name");
        name.setMaxLength(Kind.LINE.maxLength());
        name.setValue(client.name() == null ? "" : client.name());
        var roles = rolePicker();
        roles.setValue(client.roles());
        roles.setVisible(!isPublic);
        var redirects = redirectUris();
        redirects.setValue(String.join("\n", client.redirectUris()));
        redirects.setVisible(isPublic);
        dialog.add(new FormLayout(name, roles, redirects));
        var errors = new FieldErrors().on("name", name).on("roles", roles).on("redirectUris", redirects);
        var save = new Button(getTranslation("common.save"), click -> {
            errors.clear();
            try {
                if (isPublic) {
                    clients.updatePublic(client.clientId(), name.getValue(), lines(redirects), client.version());
                } else {
                    clients.update(client.clientId(), name.getValue(), roles.getValue(), client.version());
                }
                dialog.close();
                grid.getDataProvider().refreshAll();
                Toasts.success(getTranslation("common.saved"));
            } catch (OmbudException e) {
                errors.show(e);
                if (e.isConcurrentUpdate()) {
                    dialog.close();
                    grid.getDataProvider().refreshAll();
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("edit-save");
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), click -> dialog.close()), save);
        add(dialog);
        dialog.open();
    }

    private TextArea redirectUris() {
        var redirects = new TextArea(getTranslation("apiclients.redirectUris"));
        redirects.setId("client-redirect-uris");
        redirects.setHelperText(getTranslation("apiclients.redirectUris.help"));
        redirects.setRequiredIndicatorVisible(true);
        redirects.setValue("http://127.0.0.1/callback");
        return redirects;
    }

    private static List<String> lines(TextArea area) {
        return area.getValue().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private void confirmToggle(ApiClient client) {
        boolean enable = !client.enabled();
        String key = enable ? "apiclients.enable" : "apiclients.disable";
        var confirm = new ConfirmDialog(getTranslation(key + ".title", client.clientId()),
                getTranslation(key + ".text", client.clientId()), getTranslation(key), event -> {
                    try {
                        clients.setEnabled(client.clientId(), enable, client.version());
                        Toasts.success(getTranslation("common.saved"));
                    } catch (OmbudException e) {
                        Toasts.error(e);
                    }
                    grid.getDataProvider().refreshAll();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        if (!enable) {
            confirm.setConfirmButtonTheme("error primary");
        }
        confirm.open();
    }

    private void confirmRotate(ApiClient client) {
        var confirm = new ConfirmDialog(getTranslation("apiclients.rotate.title", client.clientId()),
                getTranslation("apiclients.rotate.text", client.clientId()), getTranslation("apiclients.rotate"),
                event -> {
                    try {
                        var issued = clients.rotateSecret(client.clientId(), client.version());
                        grid.getDataProvider().refreshAll();
                        showSecret(issued);
                    } catch (OmbudException e) {
                        Toasts.error(e);
                        grid.getDataProvider().refreshAll();
                    }
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /** The secret, once: nothing keeps it after this dialog closes. */
    private void showSecret(ApiClientService.IssuedSecret issued) {
        String clientId = issued.client().clientId();
        var dialog = new Dialog(getTranslation("apiclients.secret.title", clientId));
        dialog.setCloseOnOutsideClick(false);
        dialog.setWidth("min(44em, 95vw)");
        var secret = new Div(issued.secret());
        secret.addClassName("ombud-secret");
        secret.setId("client-secret");
        var curl = new Div("curl -u " + clientId + ":" + issued.secret()
                + " -d grant_type=client_credentials " + baseUrl() + "/oauth2/token");
        curl.addClassName("ombud-secret");
        curl.setId("client-curl");
        var once = new Paragraph(getTranslation("apiclients.secret.once"));
        once.addClassName("ombud-muted");
        dialog.add(once, secret, new Paragraph(getTranslation("apiclients.secret.curl")), curl);
        var close = new Button(getTranslation("common.close"), click -> {
            dialog.close();
            dialog.removeAll();
        });
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        close.setId("secret-close");
        dialog.getFooter().add(close);
        add(dialog);
        dialog.open();
    }

    /** A public client has no secret to show: say where a person signs in with it. */
    private void showSignIn(ApiClient client) {
        var dialog = new Dialog(getTranslation("apiclients.public.title", client.clientId()));
        dialog.setWidth("min(44em, 95vw)");
        var endpoints = new Div("GET " + baseUrl() + "/oauth2/authorize?response_type=code&client_id="
                + client.clientId() + "&redirect_uri=…&code_challenge=…&code_challenge_method=S256 → POST "
                + baseUrl() + "/oauth2/token");
        endpoints.addClassName("ombud-secret");
        endpoints.setId("client-endpoints");
        dialog.add(new Paragraph(getTranslation("apiclients.public.text")), endpoints);
        var close = new Button(getTranslation("common.close"), click -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        close.setId("public-close");
        dialog.getFooter().add(close);
        add(dialog);
        dialog.open();
    }

    /** Where this portal is reached, for the curl example; the configured issuer as a fallback. */
    private String baseUrl() {
        var request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return security.issuer();
        }
        var http = request.getHttpServletRequest();
        String scheme = http.getScheme();
        int port = http.getServerPort();
        boolean defaultPort = port <= 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + http.getServerName() + (defaultPort ? "" : ":" + port) + http.getContextPath();
    }
}
