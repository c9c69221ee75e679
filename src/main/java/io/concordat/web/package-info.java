/**
 * HTTP plumbing shared by every feature: media types, absolute HAL links, error bodies in
 * the shapes Pact clients parse (or problem+json), Tomcat settings for Pact URLs, and the
 * index resource. Knows no feature.
 */
@NullMarked
package io.concordat.web;

import org.jspecify.annotations.NullMarked;
