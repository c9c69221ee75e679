# Concordat's container image. Build: docker build -t concordat .
# Run: docker run -p 9292:9292 -e CONCORDAT_DATABASE_URL=jdbc:postgresql://db:5432/concordat \
#        -e CONCORDAT_DATABASE_USERNAME=concordat -e CONCORDAT_DATABASE_PASSWORD=... concordat
# (or docker-compose up, see docs/operations.md).

# --- build: the jar, made exactly as the README says (./mvnw package -DskipTests) ---
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY db db
COPY src src
RUN ./mvnw -B package -DskipTests && cp target/concordat-*.jar /build/concordat.jar

# --- runtime: a JRE, the jar, two small scripts, an unprivileged user ---
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 concordat \
    && useradd --system --uid 10001 --gid concordat --home-dir /app --shell /usr/sbin/nologin concordat
WORKDIR /app
COPY --from=build /build/concordat.jar /app/concordat.jar
COPY docker/entrypoint.sh docker/healthcheck.sh /app/
# The root filesystem may be read-only (the Helm chart mounts it so): Tomcat and the JVM only write to /tmp.
ENV PORT=9292 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -Xss512k -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
USER 10001:10001
EXPOSE 9292
# Ready means PostgreSQL answers too; the first start runs the Flyway migrations, hence the start period.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["/app/healthcheck.sh"]
ENTRYPOINT ["/app/entrypoint.sh"]
