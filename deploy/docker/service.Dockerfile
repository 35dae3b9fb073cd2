# Container image of one Front Door service (JVM mode), used by docker-compose.yml and
# deploy/kubernetes. Build the jars first (./mvnw package -DskipTests); the build context is the
# service's folder, e.g. docker build -f deploy/docker/service.Dockerfile referral-service
FROM eclipse-temurin:17-jre
WORKDIR /deployments
# The service is one jar (quarkus.package.jar.type=uber-jar), e.g. target/referral-service-runner.jar.
COPY target/*-runner.jar service.jar
USER 185
ENV JAVA_OPTS="-Xmx192m -XX:+UseSerialGC"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /deployments/service.jar"]
