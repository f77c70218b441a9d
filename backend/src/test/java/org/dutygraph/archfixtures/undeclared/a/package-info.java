/** Declares that it needs no other module, then uses b. */
@ApplicationModule(allowedDependencies = {})
package org.dutygraph.archfixtures.undeclared.a;

import org.springframework.modulith.ApplicationModule;
