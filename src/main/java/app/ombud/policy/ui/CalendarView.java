package app.ombud.policy.ui;

import app.ombud.platform.ui.CompanyTime;
import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput.Kind;
import app.ombud.platform.ui.DateLimits;
import app.ombud.platform.ui.MainLayout;
import app.ombud.platform.ui.Toasts;
import app.ombud.policy.CalendarChange;
import app.ombud.policy.CalendarDates;
import app.ombud.policy.CalendarDayKind;
import app.ombud.policy.HolidaySource;
import app.ombud.policy.PolicySections;
import app.ombud.policy.PolicyService;
import app.ombud.policy.PolicyVersion;
import app.ombud.policy.WorkingCalendar;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The working calendar: a month view where holidays and swapped working days (调休) stand out,
 * weekly working days and periods, .ics import and a deadline preview on the unsaved calendar.
 */
@Route(value = "policy/calendar", layout = MainLayout.class)
@Menu(title = "policy.calendar.title", order = 52, icon = "vaadin:calendar")
@RolesAllowed("ADMIN")
public class CalendarView extends PolicyPage {

    private ZoneId zone = CompanyTime.zone();
    private final Map<LocalDate, String> holidays = new TreeMap<>();
    private final Map<LocalDate, String> workdays = new TreeMap<>();
    private YearMonth month;
    private LocalDate selected;

    private final Span monthTitle = new Span();
    private final Div monthGrid = new Div();
    private final Span dayTitle = new Span();
    private final RadioButtonGroup<CalendarDayKind> dayKind = new RadioButtonGroup<>();
    private final TextField dayName = new TextField();
    private final Button applyDay = new Button();
    private final CheckboxGroup<DayOfWeek> workingDays = new CheckboxGroup<>();
    private final VerticalLayout periodsBox = new VerticalLayout();
    private final List<PeriodRow> periods = new ArrayList<>();
    private final VerticalLayout importPreview = new VerticalLayout();
    private final IntegerField importYear = new IntegerField();
    private final TextField sourceTitle = new TextField();
    private final TextField sourceNumber = new TextField();
    private final DatePicker sourcePublished =
            new DatePicker();
    private final TextField sourceUrl = new TextField();
    private final TextField importComment;
    private final VerticalLayout importForm = new VerticalLayout();
    private final UnorderedList sourcesList = new UnorderedList();
    private byte[] importedFile;
    private List<HolidaySource> sources = List.of();
    private final DateTimePicker previewStart = new DateTimePicker();
    private final IntegerField previewDays = new IntegerField();
    private final IntegerField previewHours = new IntegerField();
    private final Span previewResult = new Span();
    private final TextField comment;
    private Upload upload;

    private final Clock clock;

    public CalendarView(PolicyService policies, Clock clock) {
        super(policies, "policy.calendar.title");
        this.clock = clock;
        comment = comment();
        comment.setId("calendar-comment");
        importComment = comment();
        importComment.setId("calendar-import-comment");

        var previous = new Button(VaadinIcon.ANGLE_LEFT.create(), click -> showMonth(month.minusMonths(1)));
        previous.setId("calendar-previous");
        previous.setAriaLabel(getTranslation("policy.calendar.previous"));
        previous.setTooltipText(getTranslation("policy.calendar.previous"));
        var next = new Button(VaadinIcon.ANGLE_RIGHT.create(), click -> showMonth(month.plusMonths(1)));
        next.setId("calendar-next");
        next.setAriaLabel(getTranslation("policy.calendar.next"));
        next.setTooltipText(getTranslation("policy.calendar.next"));
        monthTitle.addClassName("ombud-cal-month-title");
        monthTitle.setId("calendar-month");
        var navigation = new HorizontalLayout(previous, monthTitle, next);
        navigation.setAlignItems(FlexComponent.Alignment.CENTER);
        monthGrid.addClassName("ombud-cal");
        monthGrid.setId("calendar-grid");

        var monthBox = new VerticalLayout(navigation, legend(), monthGrid, dayEditor());
        monthBox.setPadding(false);
        monthBox.setWidth("auto");

        var side = new VerticalLayout(weekEditor(), importBox(), sourcesBox(), deadlinePreview());
        side.setPadding(false);
        side.setWidth(null);
        side.addClassName("ombud-cal-side");
        var body = new HorizontalLayout(monthBox, side);
        body.addClassName("ombud-toolbar");

        var save = saveButton("calendar-save", this::saveCalendar);
        var actions = new HorizontalLayout(comment, save);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(versionInfo, body, actions);
        reload();
    }

    @Override
    protected void fill(PolicyVersion version) {
        WorkingCalendar calendar = version.content().calendar();
        zone = calendar.zone();
        holidays.clear();
        holidays.putAll(calendar.holidays());
        workdays.clear();
        workdays.putAll(calendar.workdays());
        sources = calendar.sources();
        showSources();
        workingDays.setValue(calendar.workingDays());
        field("workingDays", workingDays);
        periodsBox.removeAll();
        periods.clear();
        calendar.periods().forEach(p -> addPeriod(p.start(), p.end()));
        clearImport();
        comment.clear();
        if (month == null) {
            month = YearMonth.now(clock.withZone(zone));
        }
        selectDay(null);
        showMonth(month);
    }

    /** The calendar as edited, unsaved. */
    WorkingCalendar edited() {
        return new WorkingCalendar(zone, workingDays.getValue(),
                periods.stream().map(PeriodRow::value).toList(), holidays, workdays, sources);
    }

    private void saveCalendar() {
        save(() -> policies.update(PolicySections.CALENDAR, base.number(), edited(), comment.getValue()));
    }

    // ---- month view ---------------------------------------------------------------------

    /** Shows a month; package-visible for tests. */
    void showMonth(YearMonth shown) {
        month = shown;
        monthTitle.setText(getTranslation("policy.calendar.monthTitle", shown.getYear(), shown.getMonthValue()));
        monthGrid.removeAll();
        for (DayOfWeek day : DayOfWeek.values()) {
            var head = new Div(getTranslation("policy.day.short." + day.name()));
            head.addClassName("ombud-cal-head");
            monthGrid.add(head);
        }
        int blanks = shown.atDay(1).getDayOfWeek().getValue() - 1;
        for (int i = 0; i < blanks; i++) {
            var blank = new Div();
            blank.addClassName("ombud-cal-blank");
            monthGrid.add(blank);
        }
        var weekly = workingDays.getValue();
        for (int d = 1; d <= shown.lengthOfMonth(); d++) {
            LocalDate date = shown.atDay(d);
            var number = new Span(String.valueOf(d));
            number.addClassName("ombud-cal-number");
            var cell = new Div(number);
            cell.setId("day-" + date);
            cell.addClassName("ombud-cal-day");
            if (!weekly.contains(date.getDayOfWeek())) {
                cell.addClassName("ombud-cal-weekend");
            }
            String title = null;
            if (holidays.containsKey(date)) {
                cell.addClassName("ombud-cal-holiday");
                title = holidays.get(date);
                cell.getElement().setAttribute("title", getTranslation("policy.calendar.holiday") + ": " + title);
            } else if (workdays.containsKey(date)) {
                cell.addClassName("ombud-cal-workday");
                title = workdays.get(date);
                cell.getElement().setAttribute("title", getTranslation("policy.calendar.workday") + ": " + title);
            }
            if (title != null && !title.isBlank()) {
                var name = new Span(title);
                name.addClassName("ombud-cal-name");
                cell.add(name);
            }
            if (date.equals(selected)) {
                cell.addClassName("ombud-cal-selected");
            }
            cell.addClickListener(click -> selectDay(date));
            monthGrid.add(cell);
        }
    }

    private HorizontalLayout legend() {
        var legend = new HorizontalLayout(legendItem("ombud-cal-holiday", "policy.calendar.holiday"),
                legendItem("ombud-cal-workday", "policy.calendar.workday"),
                legendItem("ombud-cal-weekend", "policy.calendar.weekend"));
        legend.addClassName("ombud-cal-legend");
        return legend;
    }

    private Span legendItem(String style, String key) {
        var swatch = new Span();
        swatch.addClassNames("ombud-cal-swatch", style);
        var item = new Span(swatch, new Span(getTranslation(key)));
        item.addClassName("ombud-cal-legend-item");
        return item;
    }

    private VerticalLayout dayEditor() {
        dayTitle.setId("calendar-day-title");
        dayKind.setItems(CalendarDayKind.values());
        dayKind.setItemLabelGenerator(k -> getTranslation("policy.calendar.kind." + k.name()));
        dayKind.setId("calendar-day-kind");
        dayName.setLabel(getTranslation("policy.calendar.dayName"));
        dayName.setId("calendar-day-name");
        dayName.setMaxLength(Kind.NAME.maxLength());
        applyDay.setText(getTranslation("policy.calendar.applyDay"));
        applyDay.setId("calendar-apply-day");
        applyDay.addClickListener(click -> applyDay());
        var row = new HorizontalLayout(dayKind, dayName, applyDay);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.addClassName("ombud-toolbar");
        var box = new VerticalLayout(dayTitle, row);
        box.addClassName("ombud-cal-day-editor");
        box.setPadding(false);
        return box;
    }

    private void selectDay(LocalDate date) {
        selected = date;
        boolean some = date != null;
        dayKind.setEnabled(some);
        dayName.setEnabled(some);
        applyDay.setEnabled(some);
        if (!some) {
            dayTitle.setText(getTranslation("policy.calendar.pickDay"));
            dayKind.clear();
            dayName.clear();
            return;
        }
        dayTitle.setText(getTranslation("policy.calendar.dayTitle", date.toString(),
                getTranslation("policy.day." + date.getDayOfWeek().name())));
        if (holidays.containsKey(date)) {
            dayKind.setValue(CalendarDayKind.HOLIDAY);
            dayName.setValue(holidays.get(date));
        } else if (workdays.containsKey(date)) {
            dayKind.setValue(CalendarDayKind.WORKDAY);
            dayName.setValue(workdays.get(date));
        } else {
            dayKind.setValue(CalendarDayKind.NORMAL);
            dayName.clear();
        }
        showMonth(month);
    }

    private void applyDay() {
        if (selected == null || dayKind.getValue() == null) {
            return;
        }
        mark(selected, dayKind.getValue(), dayName.getValue().strip());
        showMonth(month);
    }

    private void mark(LocalDate date, CalendarDayKind kind, String name) {
        holidays.remove(date);
        workdays.remove(date);
        switch (kind) {
            case HOLIDAY -> holidays.put(date, name);
            case WORKDAY -> workdays.put(date, name);
            case NORMAL -> { }
        }
    }

    // ---- week and periods -----------------------------------------------------------------

    private Details weekEditor() {
        workingDays.setLabel(getTranslation("policy.calendar.workingDays"));
        workingDays.setItems(DayOfWeek.values());
        workingDays.setItemLabelGenerator(d -> getTranslation("policy.day." + d.name()));
        workingDays.setId("calendar-working-days");
        workingDays.addValueChangeListener(change -> {
            if (change.isFromClient() && month != null) {
                showMonth(month);
            }
        });
        periodsBox.setPadding(false);
        var add = new Button(getTranslation("policy.calendar.addPeriod"), VaadinIcon.PLUS.create(),
                click -> addPeriod(null, null));
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var periodsTitle = new Span(getTranslation("policy.calendar.periods"));
        var box = new VerticalLayout(workingDays, periodsTitle, periodsBox, add);
        box.setPadding(false);
        var details = new Details(getTranslation("policy.calendar.week"), box);
        details.setOpened(true);
        return details;
    }

    private void addPeriod(LocalTime start, LocalTime end) {
        var row = new PeriodRow(start, end);
        periods.add(row);
        periodsBox.add(row.layout);
        field("periods", row.start);
    }

    private final class PeriodRow {
        final TimePicker start = new TimePicker();
        final TimePicker end = new TimePicker();
        final HorizontalLayout layout;

        PeriodRow(LocalTime from, LocalTime to) {
            start.setAriaLabel(getTranslation("policy.calendar.periodStart"));
            start.setValue(from);
            start.setWidth("8em");
            end.setAriaLabel(getTranslation("policy.calendar.periodEnd"));
            end.setValue(to);
            end.setWidth("8em");
            var remove = new Button(VaadinIcon.TRASH.create());
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("policy.remove"));
            layout = new HorizontalLayout(start, new Span("–"), end, remove);
            layout.setAlignItems(FlexComponent.Alignment.CENTER);
            remove.addClickListener(click -> {
                periods.remove(this);
                periodsBox.remove(layout);
            });
        }

        WorkingCalendar.Period value() {
            return new WorkingCalendar.Period(start.getValue(), end.getValue());
        }
    }

    // ---- import of a year's holidays -----------------------------------------------------

    private Details importBox() {
        var upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> readImport(bytes));
            } else {
                readImport(bytes);
            }
        }));
        upload.setAcceptedFileTypes(".ics", "text/calendar");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(1024 * 1024);
        upload.setId("calendar-ics-upload");
        app.ombud.platform.ui.Uploads.localized(upload);
        var uploadTexts = new UploadI18N();
        uploadTexts.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("policy.calendar.uploadButton"))
                .setMany(getTranslation("policy.calendar.uploadButton")));
        uploadTexts.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("policy.calendar.uploadDrop"))
                .setMany(getTranslation("policy.calendar.uploadDrop")));
        upload.setI18n(uploadTexts);
        this.upload = upload;

        importYear.setLabel(getTranslation("policy.calendar.importYear"));
        importYear.setId("calendar-import-year");
        importYear.setMin(1970);
        importYear.setMax(2200);
        field("year", importYear);
        sourceField(sourceTitle, "title", "Title", Kind.LINE).setWidth("24em");
        sourceField(sourceNumber, "documentNumber", "Number", Kind.NAME);
        sourceField(sourceUrl, "url", "Url", Kind.LINE).setWidth("24em");
        sourcePublished.setLabel(getTranslation("policy.calendar.sourcePublished"));
        sourcePublished.setId("calendar-source-published");
        DateLimits.anyDay(sourcePublished);
        field("sources.published", sourcePublished);
        var again = new Button(getTranslation("policy.calendar.importPreview"), click -> previewImport());
        again.setId("calendar-import-preview");
        var save = saveButton("calendar-import-save", this::saveImport);
        save.setText(getTranslation("policy.calendar.importSave"));
        var yearRow = new HorizontalLayout(importYear, sourceNumber, sourcePublished);
        yearRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        yearRow.addClassName("ombud-toolbar");
        var saveRow = new HorizontalLayout(importComment, again, save);
        saveRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        saveRow.addClassName("ombud-toolbar");
        importPreview.setPadding(false);
        importPreview.setId("calendar-ics-preview");
        importForm.setPadding(false);
        importForm.add(yearRow, sourceTitle, sourceUrl, importPreview, saveRow);
        importForm.setVisible(false);

        var hint = new Span(getTranslation("policy.calendar.importHint"));
        hint.addClassName("ombud-muted");
        var box = new VerticalLayout(hint, upload, importForm);
        box.setPadding(false);
        var details = new Details(getTranslation("policy.calendar.importTitle"), box);
        details.setId("calendar-import");
        return details;
    }

    /** A text field of the source: its label and ID by {@code name}, its limit, the errors of {@code sources.<field>}. */
    private TextField sourceField(TextField text, String field, String name, Kind kind) {
        text.setLabel(getTranslation("policy.calendar.source" + name));
        text.setId("calendar-source-" + name.toLowerCase(java.util.Locale.ROOT));
        text.setMaxLength(kind.maxLength());
        return field("sources." + field, text);
    }

    /** Reads an uploaded file: fills in the year and the source it names and previews the import. */
    void readImport(byte[] bytes) {
        CalendarDates dates;
        try {
            dates = policies.readIcs(bytes);
        } catch (OmbudException e) {
            clearImport();
            Toasts.error(e);
            return;
        }
        importedFile = bytes;
        importYear.setValue(dates.mainYear());
        HolidaySource source = dates.source();
        sourceTitle.setValue(source == null ? "" : text(source.title()));
        sourceNumber.setValue(source == null ? "" : text(source.documentNumber()));
        sourcePublished.setValue(source == null ? null : source.published());
        sourceUrl.setValue(source == null ? "" : text(source.url()));
        importForm.setVisible(true);
        previewImport();
    }

    private HolidaySource typedSource() {
        int year = importYear.getValue() == null ? 0 : importYear.getValue();
        return new HolidaySource(year, orNull(sourceTitle.getValue()), orNull(sourceNumber.getValue()),
                sourcePublished.getValue(), orNull(sourceUrl.getValue()));
    }

    /** Lists what the import would change on the version in force; package-visible for tests. */
    void previewImport() {
        importPreview.removeAll();
        if (importedFile == null || importYear.getValue() == null) {
            return;
        }
        try {
            var preview = policies.previewCalendarImport(importYear.getValue(), importedFile, typedSource());
            var list = new UnorderedList();
            list.setId("calendar-import-changes");
            preview.changes().forEach(change -> list.add(new ListItem(describe(change))));
            importPreview.add(new H3(getTranslation("policy.calendar.importChanges", preview.year(),
                    preview.changes().size())), list);
        } catch (OmbudException e) {
            failed(e);
        }
    }

    private String describe(CalendarChange change) {
        return getTranslation("policy.calendar.change", change.date().toString(),
                getTranslation("policy.day." + change.date().getDayOfWeek().name()),
                kindText(change.before(), change.beforeName()), kindText(change.after(), change.afterName()));
    }

    private String kindText(CalendarDayKind kind, String name) {
        String label = getTranslation("policy.calendar.kind." + kind.name());
        return name == null || name.isBlank() ? label : label + "（" + name + "）";
    }

    private void saveImport() {
        if (importedFile == null || importYear.getValue() == null) {
            return;
        }
        byte[] file = importedFile;
        save(() -> policies.importCalendarYear(base.number(), importYear.getValue(), file, typedSource(),
                importComment.getValue()));
    }

    private void clearImport() {
        importedFile = null;
        importPreview.removeAll();
        importForm.setVisible(false);
        importComment.clear();
        if (upload != null) {
            upload.clearFileList();
        }
    }

    // ---- where the holidays come from -----------------------------------------------------

    private Details sourcesBox() {
        sourcesList.setId("calendar-sources");
        var hint = new Span(getTranslation("policy.calendar.sourcesHint"));
        hint.addClassName("ombud-muted");
        var box = new VerticalLayout(hint, sourcesList);
        box.setPadding(false);
        var details = new Details(getTranslation("policy.calendar.sources"), box);
        details.setOpened(true);
        return details;
    }

    private void showSources() {
        sourcesList.removeAll();
        for (HolidaySource source : sources) {
            var item = new ListItem();
            String published = source.published() == null ? ""
                    : getTranslation("policy.calendar.sourcePublishedOn", source.published().toString());
            String number = source.documentNumber() == null ? "" : source.documentNumber();
            item.add(new Span(getTranslation("policy.calendar.sourceLine", source.year(), source.title(), number,
                    published)));
            if (source.url() != null) {
                var link = new Anchor(source.url(),
                        getTranslation("policy.calendar.sourceLink"));
                link.setTarget(AnchorTarget.BLANK);
                link.getElement().setAttribute("rel", "noopener noreferrer");
                item.add(new Span(" "), link);
            }
            sourcesList.add(item);
        }
        if (sources.isEmpty()) {
            sourcesList.add(new ListItem(getTranslation("policy.calendar.sourcesNone")));
        }
    }

    // ---- deadline preview ------------------------------------------------------------------

    private Details deadlinePreview() {
        previewStart.setLabel(getTranslation("policy.calendar.previewStart"));
        previewStart.setValue(java.time.LocalDateTime.now(clock.withZone(zone)).withSecond(0).withNano(0));
        previewStart.setId("calendar-preview-start");
        DateLimits.anyTime(previewStart);
        previewDays.setLabel(getTranslation("policy.calendar.previewDays"));
        previewDays.setValue(2);
        previewDays.setMin(0);
        previewDays.setId("calendar-preview-days");
        previewHours.setLabel(getTranslation("policy.calendar.previewHours"));
        previewHours.setValue(0);
        previewHours.setMin(0);
        previewHours.setId("calendar-preview-hours");
        var compute = new Button(getTranslation("policy.calendar.previewRun"), click -> computePreview());
        compute.setId("calendar-preview-run");
        previewResult.setId("calendar-preview-result");
        var note = new Span(getTranslation("policy.calendar.previewNote"));
        note.addClassName("ombud-muted");
        var inputs = new HorizontalLayout(previewStart, previewDays, previewHours, compute);
        inputs.setAlignItems(FlexComponent.Alignment.BASELINE);
        inputs.addClassName("ombud-toolbar");
        var box = new VerticalLayout(note, inputs, previewResult);
        box.setPadding(false);
        var details = new Details(getTranslation("policy.calendar.preview"), box);
        details.setOpened(true);
        return details;
    }

    private void computePreview() {
        if (previewStart.getValue() == null) {
            return;
        }
        try {
            WorkingCalendar calendar = edited();
            int days = previewDays.getValue() == null ? 0 : previewDays.getValue();
            int hours = previewHours.getValue() == null ? 0 : previewHours.getValue();
            Duration amount = calendar.workingDayLength().multipliedBy(days).plusHours(hours);
            var due = calendar.addWorkingTime(previewStart.getValue().atZone(zone).toInstant(), amount).atZone(zone);
            previewResult.setText(getTranslation("policy.calendar.previewDue",
                    due.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                    getTranslation("policy.day." + due.getDayOfWeek().name()), zone.getId()));
        } catch (OmbudException e) {
            failed(e);
        } catch (RuntimeException e) {
            previewResult.setText(getTranslation("policy.calendar.previewInvalid"));
        }
    }
}
