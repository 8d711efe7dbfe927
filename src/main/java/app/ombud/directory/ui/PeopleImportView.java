package app.ombud.directory.ui;

import app.ombud.directory.ImportReport;
import app.ombud.directory.PersonImportService;
import app.ombud.platform.IdempotencyKey;
import app.ombud.platform.OmbudException;
import app.ombud.platform.ui.Toasts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Admins import many people from a CSV file: a dry run reports every row first, and the file is
 * imported only when no row has an error (the service writes all rows or none).
 */
@Route("directory/import")
@Menu(title = "nav.peopleImport", order = 830, icon = "vaadin:upload")
@RolesAllowed("ADMIN")
class PeopleImportView extends VerticalLayout implements HasDynamicTitle {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    private final PersonImportService imports;
    final Grid<ImportReport.Row> report = new Grid<>();
    final Paragraph summary = new Paragraph();
    final Button apply = new Button();
    private byte[] file;
    /** One key per checked file: however often it is applied, it is imported once. */
    private IdempotencyKey submission = IdempotencyKey.NONE;

    PeopleImportView(PersonImportService imports) {
        this.imports = imports;
        addClassName("ombud-view");
        setSizeFull();

        var upload = new Upload(UploadHandler.inMemory((metadata, data) -> check(data)));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFileSize(MAX_BYTES);
        upload.setMaxFiles(1);
        upload.setId("import-upload");
        app.ombud.platform.ui.Uploads.localized(upload);
        upload.addFileRejectedListener(rejected -> Toasts.error(getTranslation("import.rejected")));

        byte[] template = imports.template().getBytes(StandardCharsets.UTF_8);
        var download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(template), "people-template.csv", "text/csv; charset=UTF-8",
                template.length)), getTranslation("import.template"));
        download.getElement().setAttribute("download", true);
        download.setId("import-template");

        summary.addClassName("ombud-muted");
        summary.setId("import-summary");
        summary.setText(getTranslation("import.hint"));

        report.addColumn(ImportReport.Row::line).setHeader(getTranslation("import.line")).setAutoWidth(true);
        report.addColumn(r -> r.employeeId() == null ? "" : r.employeeId())
                .setHeader(getTranslation("people.employeeId")).setAutoWidth(true);
        report.addColumn(this::result).setHeader(getTranslation("import.result")).setFlexGrow(3);
        report.setItems(List.of());

        apply.setText(getTranslation("import.apply"));
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.setId("import-apply");
        apply.setDisableOnClick(true);
        apply.addClickListener(click -> apply());

        var toolbar = new HorizontalLayout(upload, download, apply);
        toolbar.addClassName("ombud-toolbar");
        add(toolbar, summary, report);
        setFlexGrow(1, report);
    }

    /** Dry run of an uploaded file; nothing is written. */
    void check(byte[] data) {
        file = null;
        apply.setEnabled(false);
        ImportReport checked;
        try {
            checked = imports.check(data);
        } catch (OmbudException e) {
            show(null);
            summary.setText(Toasts.message(e));
            Toasts.error(e);
            return;
        }
        show(checked);
        if (!checked.hasErrors()) {
            file = data;
            submission = IdempotencyKey.random();
            apply.setEnabled(true);
        }
    }

    private void apply() {
        if (file == null) {
            return;
        }
        try {
            var result = imports.importPeople(file, submission);
            show(result);
            if (result.status() == ImportReport.Status.APPLIED) {
                Toasts.success(getTranslation("import.applied", result.created(), result.updated()));
            }
        } catch (OmbudException e) {
            Toasts.error(e);
        }
        file = null;
        apply.setEnabled(false);
    }

    private void show(ImportReport result) {
        if (result == null) {
            report.setItems(List.of());
            return;
        }
        report.setItems(result.rows());
        summary.setText(switch (result.status()) {
            case CHECKED -> result.hasErrors() ? getTranslation("import.summary.errors", result.errorCount())
                    : getTranslation("import.summary.ok", result.created(), result.updated());
            case REJECTED -> getTranslation("import.summary.errors", result.errorCount());
            case APPLIED -> getTranslation("import.applied", result.created(), result.updated());
        });
    }

    private String result(ImportReport.Row row) {
        return switch (row.outcome()) {
            case CREATE -> getTranslation("import.outcome.CREATE");
            case UPDATE -> getTranslation("import.outcome.UPDATE");
            case ERROR -> {
                String text = getTranslation("error." + row.code(), row.args().toArray());
                yield text == null || text.startsWith("!{") ? row.message() : text;
            }
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.peopleImport");
    }
}
