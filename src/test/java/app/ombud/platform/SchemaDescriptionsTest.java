package app.ombud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.AbstractDescribedNode;
import graphql.language.Description;
import graphql.language.DirectiveDefinition;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.DirectiveInfo;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API documents itself: every type, field, argument, enum value, input field, scalar and
 * directive in graphql-schema/*.graphqls has a description. Type extensions
 * ({@code extend type Query}) cannot carry one, but their fields must.
 */
class SchemaDescriptionsTest {

    @Test
    void everythingInTheSchemaIsDescribed() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("graphql-schema"))) {
            files = listing.filter(p -> p.toString().endsWith(".graphqls")).sorted().toList();
        }
        assertThat(files).isNotEmpty();

        List<String> missing = new ArrayList<>();
        var parser = new SchemaParser();
        for (Path file : files) {
            TypeDefinitionRegistry registry = parser.parse(file.toFile());
            String where = file.getFileName().toString();
            registry.types().values().forEach(type -> checkType(type, true, where, missing));
            registry.scalars().values().stream()
                    .filter(s -> !ScalarInfo.isGraphqlSpecifiedScalar(s.getName()))
                    .forEach(s -> checkType(s, true, where, missing));
            registry.objectTypeExtensions().values().forEach(l -> l.forEach(t -> checkType(t, false, where, missing)));
            registry.interfaceTypeExtensions().values()
                    .forEach(l -> l.forEach(t -> checkType(t, false, where, missing)));
            registry.inputObjectTypeExtensions().values()
                    .forEach(l -> l.forEach(t -> checkType(t, false, where, missing)));
            registry.enumTypeExtensions().values().forEach(l -> l.forEach(t -> checkType(t, false, where, missing)));
            registry.getDirectiveDefinitions().values().stream()
                    .filter(d -> !DirectiveInfo.isGraphqlSpecifiedDirective(d.getName()))
                    .filter(d -> !d.getName().equals("defer") && !d.getName().startsWith("experimental_"))
                    .forEach(d -> checkDirective(d, where, missing));
        }

        assertThat(missing).as("schema elements without a description").isEmpty();
    }

    private static void checkType(TypeDefinition<?> type, boolean needsOwn, String file, List<String> missing) {
        String name = type.getName();
        if (needsOwn && blank(descriptionOf(type))) {
            missing.add(file + ": type " + name);
        }
        switch (type) {
            case ImplementingTypeDefinition<?> object -> {
                for (FieldDefinition field : object.getFieldDefinitions()) {
                    if (blank(field.getDescription())) {
                        missing.add(file + ": field " + name + "." + field.getName());
                    }
                    checkArguments(name + "." + field.getName(), field.getInputValueDefinitions(), file, missing);
                }
            }
            case InputObjectTypeDefinition input -> input.getInputValueDefinitions().stream()
                    .filter(v -> blank(v.getDescription()))
                    .forEach(v -> missing.add(file + ": input field " + name + "." + v.getName()));
            case EnumTypeDefinition enumType -> enumType.getEnumValueDefinitions().stream()
                    .filter(v -> blank(v.getDescription()))
                    .forEach(v -> missing.add(file + ": enum value " + name + "." + v.getName()));
            default -> {
                // scalars and unions have nothing inside to describe
            }
        }
    }

    private static void checkDirective(DirectiveDefinition directive, String file, List<String> missing) {
        if (blank(directive.getDescription())) {
            missing.add(file + ": directive @" + directive.getName());
        }
        checkArguments("@" + directive.getName(), directive.getInputValueDefinitions(), file, missing);
    }

    private static void checkArguments(String owner, List<InputValueDefinition> arguments, String file,
            List<String> missing) {
        arguments.stream().filter(a -> blank(a.getDescription()))
                .forEach(a -> missing.add(file + ": argument " + owner + "(" + a.getName() + ")"));
    }

    private static Description descriptionOf(TypeDefinition<?> type) {
        return type instanceof AbstractDescribedNode<?> described ? described.getDescription() : null;
    }

    private static boolean blank(Description description) {
        return description == null || description.getContent() == null || description.getContent().isBlank();
    }
}
