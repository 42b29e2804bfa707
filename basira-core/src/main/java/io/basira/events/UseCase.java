package io.basira.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a use case: a class whose methods make a change of the domain in one transaction and publish
 * its {@link DomainEvent}s. Only such classes may call {@link DomainEvents#publish}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface UseCase {}
