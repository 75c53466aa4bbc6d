/** Schema migrations, the database readiness check and shared JPA converters. */
package io.warden.platform.persistence;
