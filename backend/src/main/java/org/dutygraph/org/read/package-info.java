/** Queries over the organisation graph that other features build on (units, posts, chains, duties). */
@NamedInterface("read")
package org.dutygraph.org.read;

import org.springframework.modulith.NamedInterface;
