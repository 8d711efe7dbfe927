package app.ombud.platform.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;
import org.springframework.graphql.data.query.ScrollPositionCursorStrategy;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Scalars, paging cursors, query limits and the strict schema check of the GraphQL API. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer ombudScalars() {
        return wiring -> wiring.scalar(Scalars.DATE_TIME).scalar(Scalars.DATE).scalar(Scalars.UUID_SCALAR)
                .scalar(Scalars.DECIMAL).scalar(Scalars.LONG);
    }

    @Bean
    EncodingCursorStrategy<ScrollPosition> cursorStrategy() {
        return CursorStrategy.withEncoder(new ScrollPositionCursorStrategy(new TypedKeysetCursorStrategy()),
                CursorEncoder.base64());
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(@Value("${ombud.graphql.max-depth:12}") int maxDepth) {
        return new MaxQueryDepthInstrumentation(maxDepth);
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(@Value("${ombud.graphql.max-complexity:400}") int max) {
        return new MaxQueryComplexityInstrumentation(max);
    }

    /**
     * A schema field that no controller maps is a defect: refuse to start, so tests fail.
     * {@code edges} and {@code pageInfo} of our (described) connection types are filled by
     * Spring's connection adapter from a {@code Window}, which the inspector cannot see.
     */
    @Bean
    GraphQlSourceBuilderCustomizer strictSchemaMappings() {
        return builder -> builder.inspectSchemaMappings(report -> {
            var unmapped = report.unmappedFields().stream()
                    .filter(field -> !(field.getTypeName().endsWith("Connection")
                            && (field.getFieldName().equals("edges") || field.getFieldName().equals("pageInfo"))))
                    .toList();
            if (!unmapped.isEmpty() || !report.unmappedArguments().isEmpty()) {
                throw new IllegalStateException("GraphQL schema is not fully mapped: " + unmapped + "\n" + report);
            }
        });
    }
}
