package io.concordat.pacticipant;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A consumer or provider (the Pact Broker's word for either).
 */
@Entity
@Table(name = "pacticipants")
class Pacticipant {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true)
	private String name;

	@Column(name = "display_name")
	private @Nullable String displayName;

	@Column(name = "main_branch")
	private @Nullable String mainBranch;

	@Column(name = "repository_url")
	private @Nullable String repositoryUrl;

	@Column(name = "repository_name")
	private @Nullable String repositoryName;

	@Column(name = "repository_namespace")
	private @Nullable String repositoryNamespace;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Pacticipant() {
	}

	Pacticipant(String name) {
		this.name = name;
		this.createdAt = Instant.now();
		this.updatedAt = this.createdAt;
	}

	void apply(PacticipantDetails details) {
		this.displayName = details.displayName();
		this.mainBranch = details.mainBranch();
		this.repositoryUrl = details.repositoryUrl();
		this.repositoryName = details.repositoryName();
		this.repositoryNamespace = details.repositoryNamespace();
		if (this.displayName == null) {
			this.displayName = DisplayNames.derive(this.name);
		}
	}

	void touch() {
		this.updatedAt = Instant.now();
	}

	void useMainBranch(String branch) {
		this.mainBranch = branch;
		touch();
	}

	Long id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	@Nullable String mainBranch() {
		return this.mainBranch;
	}

	PacticipantDetails details() {
		return new PacticipantDetails(this.displayName, this.mainBranch, this.repositoryUrl, this.repositoryName,
				this.repositoryNamespace);
	}

	PacticipantView view(@Nullable String latestVersion) {
		return new PacticipantView(this.id, this.name, details(), this.createdAt,
				this.updatedAt.equals(this.createdAt) ? null : this.updatedAt, latestVersion);
	}

}
