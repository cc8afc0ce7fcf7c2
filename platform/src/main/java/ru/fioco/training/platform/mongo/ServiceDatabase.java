package ru.fioco.training.platform.mongo;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's own MongoDB database ({@code platform.mongodb.database}): event store, tokens and read models. */
@ApplicationScoped
public class ServiceDatabase {

    @Inject
    MongoClient client;

    @ConfigProperty(name = "platform.mongodb.database")
    String name;

    private MongoDatabase database;

    @PostConstruct
    void init() {
        database = client.getDatabase(name);
    }

    public MongoCollection<Document> collection(String collection) {
        return database.getCollection(collection);
    }

    /**
     * A collection of a rebuildable read model: the live one, except on a rebuild's thread, where it is the copy
     * being built ({@link ReadModelCollections}).
     */
    public MongoCollection<Document> readModel(String collection) {
        return ReadModelCollections.of(database, collection);
    }

    public MongoClient client() {
        return client;
    }

    public String name() {
        return name;
    }
}
