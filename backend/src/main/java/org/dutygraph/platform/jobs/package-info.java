@NamedInterface("jobs")
package org.dutygraph.platform.jobs;

import org.springframework.modulith.NamedInterface;
