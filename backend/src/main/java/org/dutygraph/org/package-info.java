/**
 * The organisation graph: units, posts, people, duties, power items and their taxonomies. Other features read it
 * through {@code org::read} and learn of imports through {@code org::bundle}; the command line also generates
 * bundles ({@code org::generator}).
 */
@ApplicationModule(displayName = "Organisation", allowedDependencies = "platform::*")
package org.dutygraph.org;

import org.springframework.modulith.ApplicationModule;
