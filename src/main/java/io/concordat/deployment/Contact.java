package io.concordat.deployment;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Who to contact about an environment.
 *
 * @param name a team or person
 * @param details free-form details ({@code {"emailAddress": …}}, {@code {"slack": …}}),
 * kept as given
 */
public record Contact(String name, @Nullable Map<String, @Nullable Object> details) {

}
