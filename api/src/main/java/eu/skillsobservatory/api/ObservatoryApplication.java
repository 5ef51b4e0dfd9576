package eu.skillsobservatory.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring context behind both the server and the command line. */
@SpringBootApplication
public class ObservatoryApplication {}
