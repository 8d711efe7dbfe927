package app.ombud.directory;

import app.ombud.platform.IdempotencyKey;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
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
    ImportPeoplePayload importPeople(@Argument ImportPeopleInput input,
            @ContextValue(name = IdempotencyKey.CONTEXT, required = false) String idempotencyKey) {
        String csv = input.csv();
        return new ImportPeoplePayload(Boolean.TRUE.equals(input.dryRun()) ? imports.check(csv)
                : imports.importPeople(csv, IdempotencyKey.fromHeader(idempotencyKey)));
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
