/**
 * HTTP plumbing shared by every feature: media types, absolute HAL links, error bodies in
 * the shapes Pact clients parse (or problem+json), Tomcat settings for Pact URLs, the
 * index resource, the OpenAPI document's description and answers to browsers. Knows no
 * feature.
 */
@NullMarked
package io.concordat.web;

import org.jspecify.annotations.NullMarked;
