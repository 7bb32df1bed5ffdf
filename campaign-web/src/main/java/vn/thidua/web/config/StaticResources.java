package vn.thidua.web.config;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

import java.time.Duration;

/**
 * The static assets (our CSS and JS, the favicon, and the Bootstrap and ECharts webjars) under URLs that carry a hash
 * of their content ({@code /js/vendor/echarts.min-<md5>.js}), so a browser may keep them for a
 * year without asking again: {@code Cache-Control: public, max-age=31536000, immutable}. A new build with a changed
 * file gives it a new URL. Templates write the plain path with {@code @{...}}; the {@link ResourceUrlEncodingFilter}
 * puts the versioned one in the page. Spring Security leaves a Cache-Control the handler has set alone (its own
 * no-store is written only to answers without one), so pages stay uncached and the assets cached.
 *
 * <p>Boot's own resource mappings are off ({@code spring.web.resources.add-mappings: false}) so these are the only
 * ones. Compression is Tomcat's ({@code server.compression} in application.yml: text, JavaScript, JSON and SVG).
 */
@Configuration
public class StaticResources implements WebMvcConfigurer {
    public static final CacheControl ONE_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(ONE_YEAR)
                .resourceChain(true)
                // The webjars resolver (webjars-locator-lite: the version-less path) is added by Spring after this.
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        // One handler per folder: the path looked up under a location is the part the pattern's wildcard matched.
        for (String[] handler : new String[][]{{"/css/**", "classpath:/static/css/"}, {"/js/**", "classpath:/static/js/"},
                {"/favicon*", "classpath:/static/"}}) {
            registry.addResourceHandler(handler[0])
                    .addResourceLocations(handler[1])
                    .setCacheControl(ONE_YEAR)
                    .resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
    }

    /** Rewrites the asset links a page writes ({@code @{/css/thidua.css}}) to their versioned URLs. */
    @Bean
    public FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> bean = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        bean.addUrlPatterns("/*");
        return bean;
    }
}
