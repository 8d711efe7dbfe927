package app.ombud.directory;

import app.ombud.platform.TextInput;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The {@code importPeople} mutation and its report; a row's message is in the request's language. */
@Controller
class PersonImportController {

    private final PersonImportService imports;
    private final MessageSource messages;

    PersonImportController(PersonImportService imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    record ImportPeopleInput(String csv, Boolean dryRun) {
    }

    record ImportPeoplePayload(ImportReport report) {
    }

    @MutationMapping
    ImportPeoplePayload importPeople(@Argument ImportPeopleInput input) {
        // the file's text is checked where it enters; the bytes of a portal upload in PersonCsv
        byte[] csv = TextInput.required(input.csv(), "csv", TextInput.Kind.FILE).getBytes(StandardCharsets.UTF_8);
        return new ImportPeoplePayload(Boolean.TRUE.equals(input.dryRun()) ? imports.check(csv)
                : imports.importPeople(csv));
    }

    @SchemaMapping(typeName = "PeopleImportRow")
    String message(ImportReport.Row row, Locale locale) {
        if (row.code() == null) {
            return row.message();
        }
        return messages.getMessage("error." + row.code(), row.args().toArray(), row.message(),
                locale == null ? Locale.ENGLISH : locale);
    }
}
