package dev.cloudevents.spring.test;

record Order(String id, int quantity) {

}
