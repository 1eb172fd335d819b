package dev.cloudevents.spring.boot.readme;

record Order(String id, int quantity) {
}
