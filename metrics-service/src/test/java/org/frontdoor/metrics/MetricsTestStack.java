package org.frontdoor.metrics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import org.frontdoor.localstack.LocalStackTestResource;

/** Points every test of this module at the local stack's real PostgreSQL and Kafka. */
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "frontdoor_metrics"))
public final class MetricsTestStack {

    private MetricsTestStack() {
    }
}
