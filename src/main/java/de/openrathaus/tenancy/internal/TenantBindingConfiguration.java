// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.tenancy.internal;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wraps the application's data source so every connection is bound to the current tenant. */
@Configuration(proxyBeanMethods = false)
class TenantBindingConfiguration {

	@Bean
	static BeanPostProcessor tenantBindingDataSourcePostProcessor() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof TenantBindingDataSource)) {
					return new TenantBindingDataSource(dataSource);
				}
				return bean;
			}
		};
	}
}
