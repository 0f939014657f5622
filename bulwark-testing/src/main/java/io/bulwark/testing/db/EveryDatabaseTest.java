package io.bulwark.testing.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs a test method once per {@link Vendor}, each time with a fresh {@link TestDatabase} as its
 * first parameter: {@code @EveryDatabaseTest void storesUser(TestDatabase db)}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "[{index}] {0}")
@ArgumentsSource(EveryDatabaseProvider.class)
public @interface EveryDatabaseTest {}
