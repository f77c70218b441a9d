@NamedInterface("ratelimit")
package org.dutygraph.platform.ratelimit;

import org.springframework.modulith.NamedInterface;
