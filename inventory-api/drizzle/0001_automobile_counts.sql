CREATE TABLE "inventory"."automobile_counts" (
	"shard" smallint NOT NULL,
	"sold" boolean NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "automobile_counts_shard_sold_pk" PRIMARY KEY("shard","sold")
);
