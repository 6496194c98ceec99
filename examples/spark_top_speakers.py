"""The most quoted speakers of each month, with Spark, from `gazette export --format parquet`.

    gazette export --format parquet --out export/
    python3 examples/spark_top_speakers.py export/ [--top 3] [--json]

Runs Spark in local mode (pip install pyspark; Spark needs Java 17 or later). On a cluster,
give the export's path in shared storage (hdfs://, s3a://) and submit the same file with
spark-submit. Prints, month by month, the top speakers by quotes: `month<TAB>rank<TAB>
speaker<TAB>quotes<TAB>articles`, or one JSON object per line with --json.
"""

import argparse
import json
import os

from pyspark.sql import SparkSession, Window
from pyspark.sql import functions as F


def top_speakers(spark, export_dir, top):
    quotes = spark.read.parquet(os.path.join(export_dir, "quotes.parquet"))
    by_month = (
        quotes.where(F.col("speaker").isNotNull() & F.col("date").isNotNull())
        # the dates are UTC timestamps: the month in UTC, as gazette counts it
        .withColumn("month", F.date_format(F.col("date"), "yyyy-MM"))
        .groupBy("month", "speaker")
        .agg(F.count("*").alias("quotes"), F.countDistinct("article").alias("articles"))
    )
    rank = Window.partitionBy("month").orderBy(F.desc("quotes"), F.asc("speaker"))
    return (
        by_month.withColumn("rank", F.row_number().over(rank))
        .where(F.col("rank") <= top)
        .orderBy("month", "rank")
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("export_dir")
    ap.add_argument("--top", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    spark = (
        SparkSession.builder.appName("gazette-top-speakers")
        .master(os.environ.get("SPARK_MASTER", "local[2]"))
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    for r in top_speakers(spark, a.export_dir, a.top).collect():
        row = {"month": r["month"], "rank": r["rank"], "speaker": r["speaker"],
               "quotes": r["quotes"], "articles": r["articles"]}
        if a.json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            print(f'{row["month"]}\t{row["rank"]}\t{row["speaker"]}\t{row["quotes"]}\t{row["articles"]}')
    spark.stop()


if __name__ == "__main__":
    main()
