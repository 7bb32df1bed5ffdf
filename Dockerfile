# Builds the application image from the repository: Maven build, then Spring Boot's layered jar extracted into
# layers so that a code change only rebuilds the last, small layer.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY campaign-domain campaign-domain
COPY campaign-eventstore campaign-eventstore
COPY campaign-command campaign-command
COPY campaign-query campaign-query
COPY campaign-web campaign-web
RUN mvn -B -q install -DskipTests

FROM eclipse-temurin:17-jre AS layers
WORKDIR /layers
COPY --from=build /src/campaign-web/target/campaign-web-*.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 thidua
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER thidua
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Ddisable-axoniq-console-message=true"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
