package org.dutygraph.supervision;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupervisionSettings.class)
class SupervisionConfiguration {}
