package app.ombud.directory.ui;

import app.ombud.platform.CurrentActor;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.PersonalAccessTokens.IssuedToken;
import app.ombud.platform.PersonalAccessTokens.PersonalAccessToken;
import app.ombud.platform.PersonalAccessTokens.Status;
import app.ombud.platform.PersonalAccessTokens;
import app.ombud.platform.Role;
import app.ombud.platform.TextInput;
import app.ombud.platform.ui.FieldErrors;
import app.ombud.platform.ui.SubmitButton;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * "My account": the person's own personal access tokens. A new token is shown once in the dialog
 * that made it (with a copy button); the list shows name, roles, dates and status, never the token.
 */
class AccessTokensSection extends VerticalLayout {

    private static final List<Integer> LIFETIMES = List.of(7, 30, 60, 90);

    private final PersonalAccessTokens tokens;
    private final Clock clock;
    private final Grid<PersonalAccessToken> grid = new Grid<>();

    AccessTokensSection(PersonalAccessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        setPadding(false);
        setId("account-tokens");

        var create = new Button(getTranslation("account.tokens.new"), VaadinIcon.PLUS.create(), click -> openCreate());
        create.setId("pat-create");
        var hint = new Paragraph(getTranslation("account.tokens.hint"));
        hint.addClassName("ombud-muted");

        grid.setId("pat-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(PersonalAccessToken::name).setHeader(getTranslation("account.tokens.name")).setKey("name")
                .setAutoWidth(true);
        grid.addColumn(t -> Labels.roles(this, t.roles())).setHeader(getTranslation("account.tokens.roles"))
                .setKey("roles").setAutoWidth(true);
        grid.addColumn(t -> Labels.time(t.createdAt())).setHeader(getTranslation("account.tokens.created"))
                .setKey("created").setAutoWidth(true);
        grid.addColumn(t -> Labels.time(t.expiresAt())).setHeader(getTranslation("account.tokens.expires"))
                .setKey("expires").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("account.tokens.never")
                : Labels.time(t.lastUsedAt())).setHeader(getTranslation("account.tokens.lastUsed"))
                .setKey("lastUsed").setAutoWidth(true);
        grid.addColumn(t -> getTranslation("account.tokens.status." + t.status()))
                .setHeader(getTranslation("account.tokens.status")).setKey("status").setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setHeader(getTranslation("common.actions")).setKey("actions")
                .setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setMaxWidth("72em");

        add(new H3(getTranslation("account.tokens")), hint, create, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(tokens.mine());
    }

    private Button revokeButton(PersonalAccessToken token) {
        var revoke = new Button(getTranslation("account.tokens.revoke"), click -> confirmRevoke(token));
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        revoke.setId("pat-revoke-" + token.id());
        revoke.setVisible(token.status() == Status.ACTIVE);
        return revoke;
    }

    private void confirmRevoke(PersonalAccessToken token) {
        var confirm = new ConfirmDialog(getTranslation("account.tokens.revoke.title", token.name()),
                getTranslation("account.tokens.revoke.text", token.name()), getTranslation("account.tokens.revoke"),
                event -> {
                    try {
                        tokens.revoke(token.id());
                        Toasts.success(getTranslation("account.tokens.revoked"));
                    } catch (OmbudException e) {
                        Toasts.error(e);
                    }
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void openCreate() {
        var dialog = new Dialog(getTranslation("account.tokens.create.title"));
        dialog.setId("pat-dialog");
        dialog.setWidth("min(44em, 95vw)");
        var name = new TextField(getTranslation("account.tokens.name"));
        name.setId("pat-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(TextInput.Kind.NAME.maxLength());
        name.setHelperText(getTranslation("account.tokens.name.hint"));
        var lifetime = new Select<Integer>();
        lifetime.setLabel(getTranslation("account.tokens.lifetime"));
        lifetime.setId("pat-lifetime");
        lifetime.setItems(lifetimes());
        lifetime.setItemLabelGenerator(days -> getTranslation("account.tokens.days", days));
        lifetime.setValue(Math.min(30, lifetimes().getLast()));
        var roles = new MultiSelectComboBox<Role>(getTranslation("account.tokens.roles"));
        roles.setId("pat-roles");
        roles.setItems(new TreeSet<>(CurrentActor.get().roles()));
        roles.setItemLabelGenerator(role -> getTranslation(role.labelKey()));
        roles.setRequiredIndicatorVisible(true);
        roles.setHelperText(getTranslation("account.tokens.roles.hint"));
        var form = new FormLayout(name, lifetime, roles);
        dialog.add(form);
        var errors = new FieldErrors().on("name", name).on("expiresAt", lifetime).on("roles", roles);

        var cancel = new Button(getTranslation("common.cancel"), click -> dialog.close());
        // one key per opening of the dialog (and its times counted from the opening): however often
        // it is sent, one token is made
        var submission = IdempotencyKey.random();
        Instant opened = clock.instant();
        var save = SubmitButton.of(getTranslation("common.create"), "pat-save", () -> {
            errors.clear();
            Instant expiresAt = lifetime.getValue() == null ? null
                    : opened.plus(Duration.ofDays(lifetime.getValue()));
            IssuedToken issued;
            try {
                issued = tokens.create(name.getValue(), expiresAt, Set.copyOf(roles.getValue()), submission);
            } catch (OmbudException e) {
                errors.show(e);
                return;
            }
            refresh();
            if (issued.secret() == null) {
                dialog.close();
                return;
            }
            dialog.removeAll();
            dialog.getFooter().removeAll();
            dialog.setHeaderTitle(getTranslation("account.tokens.shown.title", issued.token().name()));
            dialog.setCloseOnOutsideClick(false);
            showOnce(dialog, issued);
        });
        dialog.getFooter().add(cancel, save);
        add(dialog);
        dialog.open();
        name.focus();
    }

    /** The token, once: nothing keeps it after this dialog closes. */
    private void showOnce(Dialog dialog, IssuedToken issued) {
        var once = new Paragraph(getTranslation("account.tokens.shown.once"));
        once.addClassName("ombud-muted");
        var secret = new Div(issued.secret());
        secret.addClassName("ombud-secret");
        secret.setId("pat-secret");
        var copy = new Button(getTranslation("account.tokens.copy"), VaadinIcon.COPY.create(), click -> copy(issued));
        copy.setId("pat-copy");
        var row = new HorizontalLayout(secret, copy);
        row.setAlignItems(Alignment.CENTER);
        var use = new Div("Authorization: Bearer " + issued.secret());
        use.addClassName("ombud-secret");
        use.setId("pat-header");
        dialog.add(once, row, new Paragraph(getTranslation("account.tokens.shown.use")), use);
        var close = new Button(getTranslation("common.close"), click -> {
            dialog.close();
            dialog.removeAll();
        });
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        close.setId("pat-close");
        dialog.getFooter().add(close);
    }

    private void copy(IssuedToken issued) {
        getElement().executeJs("return navigator.clipboard.writeText($0)", issued.secret()).then(
                done -> Toasts.success(getTranslation("account.tokens.copied")),
                failed -> Toasts.error(getTranslation("account.tokens.notCopied")));
    }

    /** The usual choices up to the configured longest lifetime, which is always offered. */
    private List<Integer> lifetimes() {
        int max = (int) Math.max(1, tokens.maxLifetime().toDays());
        List<Integer> days = new ArrayList<>(LIFETIMES.stream().filter(d -> d < max).toList());
        days.add(max);
        return days;
    }
}
