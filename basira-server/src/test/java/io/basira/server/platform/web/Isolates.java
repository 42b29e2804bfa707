package io.basira.server.platform.web;

import io.basira.server.platform.tenancy.TenantIsolationContract;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code /api/v1} endpoints an isolation case of {@link TenantIsolationContract} covers, each as
 * {@code "METHOD pattern"} exactly as Spring MVC maps it ({@code "DELETE /api/v1/groups/{key}"}). The case must call
 * each of them with the stranger's key (store A against store B's data); the contract checks that it did, and that
 * every route of the application is named by some case.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Isolates {

    String[] value();
}
