@NamedInterface("search")
package org.dutygraph.platform.search;

import org.springframework.modulith.NamedInterface;
