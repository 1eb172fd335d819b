package dev.cloudevents.spring.readme;

record Order(String id, int quantity) {
}
