/**
 * Deliberate breaches of the architecture rules, each in a small package of its own, so that ArchitectureTest and
 * ModularityTest can show their rules catch them. Test code only: nothing here is a bean, and the checks of the
 * application itself import production classes only.
 */
package org.dutygraph.archfixtures;
