CREATE TABLE "service"."row_counts" (
	"shard" smallint NOT NULL,
	"counted" varchar(40) NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "row_counts_shard_counted_pk" PRIMARY KEY("shard","counted")
);
